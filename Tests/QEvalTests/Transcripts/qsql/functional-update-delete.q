t:([]s:`a`b`a;v:1 2 3)
![t;enlist (=;`s;enlist `a);0b;(enlist `v)!enlist (neg;`v)]
/=> s v
/=> ----
/=> a -1
/=> b 2
/=> a -3
![t;enlist (=;`s;enlist `a);0b;`symbol$()]
/=> s v
/=> ---
/=> b 2
![t;();0b;enlist `v]
/=> s
/=> -
/=> a
/=> b
/=> a
