/ a negative short type number reads text like the upper-case letter
-7h$"42"
/=> 42
