/ a function or keyword names its column after its last argument
t:([]tm:09:01 09:12 09:14;v:1 2 3)
select n:count i, sum v by 10 xbar tm.minute from t
/=> minute| n v
/=> ------| ---
/=> 09:00 | 1 1
/=> 09:10 | 2 5
