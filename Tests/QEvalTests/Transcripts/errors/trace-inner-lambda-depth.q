/ an anonymous lambda called inside a named one is shown as name@ at depth 2
outer:{{x,y+1}[x;"a"]}
outer 3
/=> 'type
/=>   [2]  outer@:{x,y+1}
/=>                   ^
