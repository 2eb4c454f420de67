t:([]s:`a`b`a;v:1 2 3)
?[t;enlist (>;`v;1);0b;()]
/=> s v
/=> ---
/=> b 2
/=> a 3
?[t;();(enlist `s)!enlist `s;(enlist `m)!enlist (max;`v)]
/=> s| m
/=> -| -
/=> a| 3
/=> b| 2
?[t;();();`v]
/=> 1 2 3
?[t;enlist (=;`s;enlist `a);();(sum;`v)]
/=> 4
