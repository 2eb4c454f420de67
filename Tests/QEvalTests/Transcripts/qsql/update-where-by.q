/ update writes only the rows the where clause keeps; by evaluates per group
t:([]s:`a`b`a`b;v:1 2 3 4)
update v:10*v from t where s=`a
/=> s v
/=> ----
/=> a 10
/=> b 2
/=> a 30
/=> b 4
update m:max v by s from t
/=> s v m
/=> -----
/=> a 1 3
/=> b 2 4
/=> a 3 3
/=> b 4 4
update w:v from t where v>2
/=> s v w
/=> -----
/=> a 1
/=> b 2
/=> a 3 3
/=> b 4 4
