/ \c rows columns: long lines are cut with .., tall output ends with ..
\c 10 12
til 20
/=> 0 1 2 3 4..
([]a:til 20)
/=> a
/=> -
/=> 0
/=> 1
/=> 2
/=> 3
/=> 4
/=> ..
/ restore the default for the transcripts that follow
\c 25 80
