/ where clauses apply left to right, each on the rows the earlier ones kept
t:([]s:`x`y`x`z;p:5 15 25 35)
select from t where p>10,s in `x`z
/=> s p
/=> ----
/=> x 25
/=> z 35
