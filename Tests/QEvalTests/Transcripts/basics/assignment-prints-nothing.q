/ an assignment shows nothing; a trailing semicolon hides the last result
a:1 2 3
a
/=> 1 2 3
a+1;
b:a*2;b
/=> 2 4 6
