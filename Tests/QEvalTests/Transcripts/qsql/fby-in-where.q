/ fby applies an aggregate within groups and gives each row its group's value
t:([]s:`a`b`a`b;v:1 5 3 2)
select from t where v=(max;v) fby s
/=> s v
/=> ---
/=> b 5
/=> a 3
