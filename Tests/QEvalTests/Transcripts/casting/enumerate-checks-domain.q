/ casting symbols to a domain list checks membership
dom:`red`green`blue
`dom$`green`red
/=> `green`red
`dom$`pink
/=> 'cast
