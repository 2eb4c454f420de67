/ a keyed table shows key columns, a bar, then value columns; nulls blank
([k:`a`b]v:1 0N;w:(enlist "x";"yz"))
/=> k| v w
/=> -| ------
/=> a| 1 ,"x"
/=> b|   "yz"
