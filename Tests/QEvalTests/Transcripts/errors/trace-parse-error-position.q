/ a parse error points at the token that could not be read; trailing comments are not quoted
1+{)} / broken
/=> ')
/=>   [0]  1+{)}
/=>           ^
