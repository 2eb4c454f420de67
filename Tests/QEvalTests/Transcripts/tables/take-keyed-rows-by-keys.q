/ a table of keys taken from a keyed table gives those rows
kt:([id:`a`b`c]v:1 2 3)
([]id:`c`a)#kt
/=> id| v
/=> --| -
/=> c | 3
/=> a | 1
