/ an error at the console is followed by its frame: the input and a caret under the failing verb
10 20 30 - 1 2
/=> 'length
/=>   [0]  10 20 30 - 1 2
/=>                 ^
