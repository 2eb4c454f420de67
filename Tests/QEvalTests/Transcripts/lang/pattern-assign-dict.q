/ (k!v) splits a dictionary into its keys and values
(kk!vv):`a`b!1 2
kk
/=> `a`b
vv
/=> 1 2
