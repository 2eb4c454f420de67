/ a table of keys takes the matching rows of a keyed table, keys included
k:([id:1 2 3]v:`a`b`c)
([]id:3 1)#k
/=> id| v
/=> --| -
/=> 3 | c
/=> 1 | a
