/ in a parse tree a symbol constant is enlisted; evaluating it gives the symbol back
-3!parse "x+`a"
/=> "(+;`x;,`a)"
eval parse "`a"
/=> `a
-3!parse "v[1]:2"
/=> "(:;(`v;1);2)"
