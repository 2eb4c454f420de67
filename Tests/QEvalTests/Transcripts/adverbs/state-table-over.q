/ a list of lists iterates as a binary function: a state machine
m:(1 2;0 1;2 0)
0 m/1 0 1
/=> 0
0 m\1 0 1
/=> 2 2 0
