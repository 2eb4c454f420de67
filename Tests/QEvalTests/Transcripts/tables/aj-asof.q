/ aj takes, for each left row, the last right row at or before its time
t:([]s:`a`b`a;tm:5 6 9)
q:([]s:`a`b`a`b;tm:1 2 7 8;px:10 20 30 40)
aj[`s`tm;t;q]
/=> s tm px
/=> -------
/=> a 5  10
/=> b 6  20
/=> a 9  30
