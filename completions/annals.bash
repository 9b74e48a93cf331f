# bash completion for annals (installed by make install)
_annals()
{
    local cur prev cmd
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    cmd=${COMP_WORDS[1]}
    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "extract dates merge export shard grammar-check --help --version" -- "$cur"))
        return
    fi
    case $prev in
        -f|--format)
            case $cmd in
                dates) COMPREPLY=($(compgen -W "text json jsonl" -- "$cur")) ;;
                export) COMPREPLY=($(compgen -W "ics html csv timelinejs" -- "$cur")) ;;
                *) COMPREPLY=($(compgen -W "json jsonl text ics html csv timelinejs" -- "$cur")) ;;
            esac
            return ;;
        -i|--input-format) COMPREPLY=($(compgen -W "auto text jsonl" -- "$cur")); return ;;
        --date-order) COMPREPLY=($(compgen -W "mdy dmy" -- "$cur")); return ;;
        --grammars) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        -o|--output)
            if [ "$cmd" = shard ]; then COMPREPLY=($(compgen -d -- "$cur")); else COMPREPLY=($(compgen -f -- "$cur")); fi
            return ;;
        --shards) return ;;
        --dct|-j|--jobs|-n|--calendar-name) return ;;
    esac
    if [[ $cur == -* ]]; then
        local opts="--help --quiet --output --format"
        case $cmd in
            extract) opts="$opts --dct --input-format --date-order --timexes --merge --documents --grammars --jobs" ;;
            dates) opts="$opts --dct --input-format --date-order --grammars --jobs" ;;
            merge) opts="$opts --keep-going --documents" ;;
            shard) opts="--help --quiet --output --shards --input-format --check" ;;
            export) opts="$opts --all --calendar-name" ;;
            grammar-check) opts="--help" ;;
        esac
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi
    if [ "$cmd" = grammar-check ]; then
        COMPREPLY=($(compgen -d -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}
complete -o filenames -F _annals annals
