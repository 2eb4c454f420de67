/ wj aggregates the right table over each left row's time window, counting the row
/ prevailing at the window's start; wj1 counts only rows inside the window
t:([]s:`x`x;tm:5 9;p:1 2)
q:([]s:`x`x`x`x;tm:3 6 8 10;v:10 20 30 40)
wj[(t.tm-2;t.tm+1);`s`tm;t;(q;(sum;`v))]
/=> s tm p v
/=> ---------
/=> x 5  1 30
/=> x 9  2 90
wj1[(t.tm-2;t.tm+1);`s`tm;t;(q;(::;`v))]
/=> s tm p v
/=> ------------
/=> x 5  1 10 20
/=> x 9  2 30 40
