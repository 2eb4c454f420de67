/ against a list of lists, x is looked for whole; otherwise in is left-atomic
1 2 in (1 2;3 4)
/=> 1b
1 5 in (1;2)
/=> 10b
("ab";"x") in "abc"
/=> 11b
/=> 0b
