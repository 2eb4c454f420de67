/ exec of one column gives the column; of several, a dictionary; with by, grouped values
t:([]s:`a`b`a;v:1 2 3)
exec v from t
/=> 1 2 3
exec s,v from t
/=> s| a b a
/=> v| 1 2 3
exec v by s from t
/=> a| 1 3
/=> b| ,2
