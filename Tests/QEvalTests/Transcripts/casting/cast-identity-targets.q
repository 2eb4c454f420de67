/ 0h and "*" leave a non-text value as it is
0h$42
/=> 42
