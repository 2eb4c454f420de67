/ a list literal with an empty item is a projection of enlist
((`a;)3)~(`a;3)
/=> 1b
(;"b")"a"
/=> "ab"
