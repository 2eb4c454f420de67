/ .Q.bt[] prints the frames active where it is called
inner:{.Q.bt[];x}
outer:{inner x}
outer 1
/=>   [2]  inner:{.Q.bt[];x}
/=>               ^
/=>   [1]  outer:{inner x}
/=>               ^
/=>   [0]  outer 1
/=>        ^
/=> 1
