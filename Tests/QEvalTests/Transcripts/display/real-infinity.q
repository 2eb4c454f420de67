/ real infinities show with a lower-case w, like floats
0We
/=> 0we
1 0w 2e
/=> 1 0w 2e
