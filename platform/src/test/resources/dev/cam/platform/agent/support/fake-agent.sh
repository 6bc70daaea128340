#!/usr/bin/env bash
# A scripted stand-in for a TUI coding agent. Steps come from FAKE_SCRIPT, comma-separated:
#   before the prompt: login (show a login failure and wait), trust (folder-trust dialog: 1/2)
#   after the prompt:  busy:MS (spinner, swallows keys), quiet:MS (no spinner, swallows keys),
#                      ask:FILE (permission prompt, 1 writes FILE), list (a numbered list in output),
#                      crash, crashonce:FILE (crash unless FILE exists, then create it), hang, done,
#                      asks:N (N permission prompts with work between; with FAKE_LOG set, each
#                      prompt appends "<shown> <answered>" in microseconds to that file)
# After the steps it shows its input prompt again and echoes what is typed.
IFS=',' read -ra STEPS <<< "${FAKE_SCRIPT:-busy:500,done}"
stty -echo -icanon min 1 2>/dev/null
SPIN=(⠋ ⠙ ⠹ ⠸ ⠼ ⠴ ⠦ ⠧ ⠇ ⠏)

swallow() { # swallow keys for $1 ms, drawing a spinner when $2 is set
  local end=$(( ${EPOCHREALTIME/./} / 1000 + $1 )) i=0
  while (( ${EPOCHREALTIME/./} / 1000 < end )); do
    [[ -n $2 ]] && printf '\r%s Working… (esc to interrupt) %d' "${SPIN[i++ % 10]}" "$i"
    IFS= read -rsn1 -t 0.1 _
  done
  [[ -n $2 ]] && printf '\r\033[K'
}

ask() {
  printf 'Allow write to %s?\n❯ 1. Yes\n  2. No\nEsc to cancel\n' "$1"
  local shown=${EPOCHREALTIME/./}
  while IFS= read -rsn1 k; do
    [[ $k == [12] && -n $FAKE_LOG ]] && echo "$shown ${EPOCHREALTIME/./}" >> "$FAKE_LOG"
    case $k in
      1) echo "written by the fake agent" > "$1"; printf 'Wrote %s\n' "$1"; return ;;
      2) printf 'Denied\n'; return ;;
    esac
  done
}

prompt() { # read one line at the input prompt, echoing it
  local line='' c
  printf '> '
  while IFS= read -rsn1 c; do
    case $c in
      $'\x7f' | $'\b') [[ -n $line ]] && { line=${line%?}; printf '\b \b'; } ;;
      '') printf '\n'; REPLY=$line; return ;;
      *) line+=$c; printf '%s' "$c" ;;
    esac
  done
  exit 0
}

printf 'Fake Agent 1.0\n\n'
for step in "${STEPS[@]}"; do
  case $step in
    login) printf 'Not logged in · Please run /login\n'; while :; do read -rsn1 _ || exit 1; done ;;
    trust)
      printf 'Do you trust the files in this folder?\n❯ 1. Yes, proceed\n  2. No, exit\n'
      while IFS= read -rsn1 k; do [[ $k == 1 ]] && break; [[ $k == 2 ]] && exit 0; done ;;
  esac
done
prompt
for step in "${STEPS[@]}"; do
  case $step in
    busy:*) swallow "${step#busy:}" spin ;;
    quiet:*) swallow "${step#quiet:}" ;;
    ask:*) ask "${step#ask:}" ;;
    list)
      printf 'Plan:\n❯ 1. Yes\n  2. No\n'
      for n in 1 2 3 4 5 6; do printf '  detail %d of the plan\n' "$n"; done
      swallow 800 ;;
    crash) printf 'panic: the fake agent crashed\n'; swallow 300; exit 3 ;;
    crashonce:*)
      if [[ ! -e ${step#crashonce:} ]]; then
        : > "${step#crashonce:}"; printf 'panic: the fake agent crashed\n'; swallow 300; exit 3
      fi ;;
    hang) while :; do read -rsn1 _ || exit 0; done ;;
    done) printf '✔ Task complete\n' ;;
    asks:*) for ((n = 1; n <= ${step#asks:}; n++)); do swallow 400 spin; ask /dev/null; done ;;
  esac
done
while :; do prompt; done
