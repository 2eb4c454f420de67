/ \a lists the tables of the current namespace
t:([]a:1 2)
k:([id:1 2]v:3 4)
n:5
\a
/=> `k`t
