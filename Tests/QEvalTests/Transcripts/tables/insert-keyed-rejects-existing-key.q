k:([id:1 2]v:10 20)
`k insert (3;30)
/=> ,2
`k insert (1;99)
/=> 'insert
