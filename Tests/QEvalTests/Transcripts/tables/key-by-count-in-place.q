/ n!`t keys (0!`t unkeys) the named table in place
t:([]a:1 2;b:3 4)
1!`t
/=> `t
keys t
/=> ,`a
0!`t
/=> `t
keys t
/=> `symbol$()
