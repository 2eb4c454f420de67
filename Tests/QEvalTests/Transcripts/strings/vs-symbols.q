/ ` vs splits symbols at dots, and file handles into directory and file
` vs `a.b.c
/=> `a`b`c
` vs `:dir/sub/file.txt
/=> `:dir/sub`file.txt
