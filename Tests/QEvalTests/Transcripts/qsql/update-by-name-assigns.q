/ a table named by symbol is updated in place and the name returned
t:([]a:1 2)
update a:neg a from `t
/=> `t
t
/=> a
/=> --
/=> -1
/=> -2
