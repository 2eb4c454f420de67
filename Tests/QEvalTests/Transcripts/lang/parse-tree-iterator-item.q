/ an iterator alone in a parse tree derives a function from the next item
eval (/;+)
/=> +/
eval ((\;+);1 2 3)
/=> 1 3 6
