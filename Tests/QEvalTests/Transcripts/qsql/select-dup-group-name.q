/ a select column may not take the name of a group column
t:([]a:1 2;b:3 4)
select b by b from t
/=> 'dup names for cols/groups b
