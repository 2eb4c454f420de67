/ a trap whose handler is :: returns the error text
@[{'"boom"};0;::]
/=> "boom"
.[{x+y};(1;`a);{"caught ",x}]
/=> "caught type"
