/ an elided index on data takes every item at that depth
m:(1 2 3;4 5 6)
m[;1]
/=> 2 5
d:`a`b!(1 2;3 4)
d[;0]
/=> a| 1
/=> b| 3
