/ nulls and infinities keep their meaning across temporal casts
`date$0Np
/=> 0Nd
`date$0Wp
/=> 0Wd
