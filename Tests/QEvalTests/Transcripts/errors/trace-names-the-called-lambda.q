/ inside a lambda called by name the frame quotes name:source, at depth 1
h:{b:x;b*y}
h[2;`sym]
/=> 'type
/=>   [1]  h:{b:x;b*y}
/=>                ^
