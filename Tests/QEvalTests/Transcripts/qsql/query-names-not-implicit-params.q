/ names inside a query's columns and where clauses do not make implicit parameters
f:{select from ([]a:0 1;b:2 3) where a=x,b=y}
f[0;2]
/=> 'rank
