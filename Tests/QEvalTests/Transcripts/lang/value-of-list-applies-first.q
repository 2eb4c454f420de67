/ value of a list applies its first item to the others, unevaluated; eval evaluates them
value(,;`p;`q)
/=> `p`q
value ("*";3;4)
/=> 12
eval (+;1;(*;2;3))
/=> 7
0 (-;10;4)
/=> 6
