/ .Q.trp passes the error and its backtrace to the handler; .Q.sbt formats it
bad:{x+`s}
.Q.trp[bad;1;{1 "caught ",x,"\n",.Q.sbt y;0}]
/=> caught type
/=>   [2]  bad:{x+`s}
/=>              ^
/=>   [1]  (.Q.trp)
/=>
/=>   [0]  .Q.trp[bad;1;{1 "caught ",x,"\n",.Q.sbt y;0}]
/=>        ^
/=> 0
