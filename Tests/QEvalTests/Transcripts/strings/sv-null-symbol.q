/ with ` on the left: symbols join with dots, handles with slashes, strings become lines
` sv `a`b`c
/=> `a.b.c
` sv `:dir`file
/=> `:dir/file
` sv ("ab";"cd")
/=> "ab\ncd\n"
