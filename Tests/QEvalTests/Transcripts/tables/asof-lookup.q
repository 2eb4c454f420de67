/ asof finds the last row at or before the given time; no match gives nulls
t:([]s:`a`a`b;tm:1 5 2;v:10 50 20)
t asof `s`tm!(`a;4)
/=> v| 10
t asof ([]s:`c`a;tm:1 9)
/=> v
/=> --
/=>
/=> 50
