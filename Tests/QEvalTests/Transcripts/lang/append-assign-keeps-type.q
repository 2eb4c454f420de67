/ x,:y appends in place: y must have x's type
v:1 2 3
v,:4
v
/=> 1 2 3 4
v,:5.0
/=> 'type
v
/=> 1 2 3 4
