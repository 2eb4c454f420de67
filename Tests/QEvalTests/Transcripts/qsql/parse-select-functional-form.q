/ parse shows a query as its functional form
parse "select b:2*a from t where a>1"
/=> ?
/=> `t
/=> ,,(>;`a;1)
/=> 0b
/=> (,`b)!,(*;2;`a)
