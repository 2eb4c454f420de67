(1 2;3 4) cross enlist 9 9
/=> 1 2 9 9
/=> 3 4 9 9
`a`b cross 1
/=> `a 1
/=> `b 1
