prev 1 2 3
/=> 0N 1 2
next "abc"
/=> "bc "
2 xprev 1 2 3
/=> 0N 0N 1
-1 xprev `a`b
/=> `b`
