# Tab completion for peertrack. Made by: peertrack completions generate (do not edit by hand).
_peertrack_completion() {
    local IFS=$'
'
    COMPREPLY=( $( env COMP_WORDS="${COMP_WORDS[*]}" \
                   COMP_CWORD=$COMP_CWORD \
                   _PEERTRACK_COMPLETE=complete_bash $1 ) )
    return 0
}

complete -o default -F _peertrack_completion peertrack
