/ \d changes the namespace names are defined in
\d .ns
val:42
\d .
.ns.val
/=> 42
\d
/=> `.
