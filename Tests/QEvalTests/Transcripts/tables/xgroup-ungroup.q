/ xgroup keys by columns in order of appearance; ungroup flattens back
g:`k xgroup ([]k:`b`a`b;v:1 2 3)
g
/=> k| v
/=> -| ---
/=> b| 1 3
/=> a| ,2
ungroup g
/=> k v
/=> ---
/=> b 1
/=> b 3
/=> a 2
