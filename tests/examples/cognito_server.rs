//! A Cognito user-pool emulator on `cognito-idp` that boto3 and the AWS SDKs talk to: user
//! pools in memory, with CreateUserPool, DescribeUserPool, CreateUserPoolClient, SignUp,
//! ConfirmSignUp, ResendConfirmationCode, InitiateAuth (`USER_PASSWORD_AUTH`),
//! AdminCreateUser, AdminGetUser and ListUsers (`Limit`, `PaginationToken`, a `Filter` such
//! as `username = "alice"` or `email ^= "al"`); other operations answer `NotImplemented`.
//! Routing, parsing, validation, statuses, headers and error bodies are the crate's.
//! `cargo run -p specgen-tests --example cognito_server [ADDR]` (default `127.0.0.1:0`, a free
//! port) prints `listening on http://ADDR`. Confirmation codes are [`CONFIRMATION_CODE`].

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use cognito_idp::serve::{HttpService, new_request_id};
use cognito_idp::types::{self as t, AttributeType, UserStatusType as Status};
use cognito_idp::{Context, Dispatcher, Error, Service, Timestamp, errors as e};
use hyper::server::conn::http1;
use hyper_util::{rt::TokioIo, service::TowerToHyperService};

/// The code every sign-up is confirmed with.
pub const CONFIRMATION_CODE: &str = "123456";

/// The user pools, by id.
#[derive(Default)]
pub struct Emulator {
    pools: Mutex<BTreeMap<String, Pool>>,
}

#[derive(Default)]
struct Pool {
    pool: t::UserPoolType,
    clients: BTreeMap<String, t::UserPoolClientType>,
    users: BTreeMap<String, User>,
}

/// A user as ListUsers shows it, and the password.
struct User {
    user: t::UserType,
    password: Option<String>,
}

impl User {
    fn new(
        name: &str, mut attributes: Vec<AttributeType>, password: Option<String>, status: Status,
    ) -> Self {
        attributes
            .push(AttributeType { value: Some(new_request_id()), ..AttributeType::new("sub") });
        let now = Some(Timestamp::now());
        let user = t::UserType {
            username: Some(name.to_owned()),
            attributes: Some(attributes),
            user_create_date: now,
            user_last_modified_date: now,
            enabled: Some(true),
            user_status: Some(status),
            ..Default::default()
        };
        User { user, password }
    }

    fn attribute(&self, name: &str) -> Option<&str> {
        self.user.attributes.iter().flatten().find(|a| a.name == name)?.value.as_deref()
    }

    /// Where a confirmation code goes: the e-mail address, if any.
    fn delivery(&self) -> Option<t::CodeDeliveryDetailsType> {
        let destination = Some(self.attribute("email")?.to_owned());
        let delivery_medium = Some(t::DeliveryMediumType::Email);
        let attribute_name = Some("email".to_owned());
        Some(t::CodeDeliveryDetailsType { destination, delivery_medium, attribute_name })
    }
}

fn not_found(what: String) -> Error {
    t::ResourceNotFoundException::new(format!("{what} does not exist.")).into()
}

fn no_user() -> Error {
    t::UserNotFoundException::new("Username/client id combination not found.").into()
}

type Outcome<T> = Result<T, Error>;

impl Emulator {
    fn pools(&self) -> MutexGuard<'_, BTreeMap<String, Pool>> {
        // A handler that panicked left the maps whole: go on with them.
        self.pools.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs `f` on the pool with this id.
    fn with_pool<R>(&self, id: &str, f: impl FnOnce(&mut Pool) -> Outcome<R>) -> Outcome<R> {
        f(self.pools().get_mut(id).ok_or_else(|| not_found(format!("User pool {id}")))?)
    }

    /// Runs `f` on the pool of this app client.
    fn with_client<R>(&self, id: &str, f: impl FnOnce(&mut Pool) -> Outcome<R>) -> Outcome<R> {
        let mut pools = self.pools();
        let pool = pools.values_mut().find(|p| p.clients.contains_key(id));
        f(pool.ok_or_else(|| not_found(format!("User pool client {id}")))?)
    }
}

impl Service for Emulator {
    async fn create_user_pool(
        &self, _: &Context, input: t::CreateUserPoolRequest,
    ) -> Result<t::CreateUserPoolResponse, e::CreateUserPoolError> {
        let id = format!("us-east-1_{}", &new_request_id().replace('-', "")[..9]);
        let now = Some(Timestamp::now());
        let pool = t::UserPoolType {
            arn: Some(format!("arn:aws:cognito-idp:us-east-1:000000000000:userpool/{id}")),
            id: Some(id.clone()),
            name: Some(input.pool_name),
            policies: input.policies,
            creation_date: now,
            last_modified_date: now,
            ..Default::default()
        };
        self.pools().insert(id, Pool { pool: pool.clone(), ..Default::default() });
        Ok(t::CreateUserPoolResponse { user_pool: Some(pool) })
    }

    async fn describe_user_pool(
        &self, _: &Context, input: t::DescribeUserPoolRequest,
    ) -> Result<t::DescribeUserPoolResponse, e::DescribeUserPoolError> {
        let pool = self.with_pool(&input.user_pool_id, |pool| Ok(pool.pool.clone()))?;
        Ok(t::DescribeUserPoolResponse { user_pool: Some(pool) })
    }

    async fn create_user_pool_client(
        &self, _: &Context, input: t::CreateUserPoolClientRequest,
    ) -> Result<t::CreateUserPoolClientResponse, e::CreateUserPoolClientError> {
        let id = new_request_id().replace('-', "")[..26].to_owned();
        let client = t::UserPoolClientType {
            client_id: Some(id.clone()),
            user_pool_id: Some(input.user_pool_id.clone()),
            client_name: Some(input.client_name),
            explicit_auth_flows: input.explicit_auth_flows,
            creation_date: Some(Timestamp::now()),
            ..Default::default()
        };
        let stored = client.clone();
        self.with_pool(&input.user_pool_id, |pool| Ok(pool.clients.insert(id, stored)))?;
        Ok(t::CreateUserPoolClientResponse { user_pool_client: Some(client) })
    }

    async fn sign_up(
        &self, _: &Context, input: t::SignUpRequest,
    ) -> Result<t::SignUpResponse, e::SignUpError> {
        let attributes = input.user_attributes.unwrap_or_default();
        let user = User::new(&input.username, attributes, input.password, Status::Unconfirmed);
        let response = t::SignUpResponse {
            code_delivery_details: user.delivery(),
            ..t::SignUpResponse::new(false, user.attribute("sub").unwrap_or_default())
        };
        self.with_client(&input.client_id, |pool| {
            match pool.users.contains_key(&input.username) {
                true => Err(t::UsernameExistsException::new("User already exists").into()),
                false => Ok(pool.users.insert(input.username, user)),
            }
        })?;
        Ok(response)
    }

    async fn confirm_sign_up(
        &self, _: &Context, input: t::ConfirmSignUpRequest,
    ) -> Result<t::ConfirmSignUpResponse, e::ConfirmSignUpError> {
        Ok(self.with_client(&input.client_id, |pool| {
            let user = pool.users.get_mut(&input.username).ok_or_else(no_user)?;
            if input.confirmation_code != CONFIRMATION_CODE {
                let message = "Invalid verification code provided, please try again.";
                return Err(t::CodeMismatchException::new(message).into());
            }
            user.user.user_status = Some(Status::Confirmed);
            Ok(t::ConfirmSignUpResponse::default())
        })?)
    }

    async fn resend_confirmation_code(
        &self, _: &Context, input: t::ResendConfirmationCodeRequest,
    ) -> Result<t::ResendConfirmationCodeResponse, e::ResendConfirmationCodeError> {
        let details = self.with_client(&input.client_id, |pool| {
            Ok(pool.users.get(&input.username).ok_or_else(no_user)?.delivery())
        })?;
        Ok(t::ResendConfirmationCodeResponse { code_delivery_details: details })
    }

    async fn initiate_auth(
        &self, _: &Context, input: t::InitiateAuthRequest,
    ) -> Result<t::InitiateAuthResponse, e::InitiateAuthError> {
        if input.auth_flow != t::AuthFlowType::UserPasswordAuth {
            let message = "Initiate Auth method not supported.";
            return Err(t::InvalidParameterException::new(message).into());
        }
        let parameters = input.auth_parameters.unwrap_or_default();
        let get = |key: &str| parameters.get(key).map(String::as_str).unwrap_or_default();
        self.with_client(&input.client_id, |pool| {
            let wrong = || t::NotAuthorizedException::new("Incorrect username or password.");
            let user = pool.users.get(get("USERNAME")).ok_or_else(wrong)?;
            if user.password.as_deref() != Some(get("PASSWORD")) {
                return Err(wrong().into());
            }
            if user.user.user_status == Some(Status::Unconfirmed) {
                return Err(t::UserNotConfirmedException::new("User is not confirmed.").into());
            }
            Ok(())
        })?;
        let token = |kind: &str| Some(format!("{kind}.{}", new_request_id()));
        let result = t::AuthenticationResultType {
            access_token: token("access"),
            id_token: token("id"),
            refresh_token: token("refresh"),
            expires_in: Some(3600),
            token_type: Some("Bearer".to_owned()),
            ..Default::default()
        };
        Ok(t::InitiateAuthResponse { authentication_result: Some(result), ..Default::default() })
    }

    async fn admin_create_user(
        &self, _: &Context, input: t::AdminCreateUserRequest,
    ) -> Result<t::AdminCreateUserResponse, e::AdminCreateUserError> {
        let attributes = input.user_attributes.unwrap_or_default();
        let status = Status::ForceChangePassword;
        let user = User::new(&input.username, attributes, input.temporary_password, status);
        let shown = user.user.clone();
        self.with_pool(&input.user_pool_id, |pool| {
            match pool.users.contains_key(&input.username) {
                true => Err(t::UsernameExistsException::new("User account already exists").into()),
                false => Ok(pool.users.insert(input.username, user)),
            }
        })?;
        Ok(t::AdminCreateUserResponse { user: Some(shown) })
    }

    async fn admin_get_user(
        &self, _: &Context, input: t::AdminGetUserRequest,
    ) -> Result<t::AdminGetUserResponse, e::AdminGetUserError> {
        let user = self.with_pool(&input.user_pool_id, |pool| {
            let missing = || t::UserNotFoundException::new("User does not exist.");
            Ok(pool.users.get(&input.username).ok_or_else(missing)?.user.clone())
        })?;
        Ok(t::AdminGetUserResponse {
            user_attributes: user.attributes,
            user_create_date: user.user_create_date,
            user_last_modified_date: user.user_last_modified_date,
            enabled: user.enabled,
            user_status: user.user_status,
            ..t::AdminGetUserResponse::new(input.username)
        })
    }

    async fn list_users(
        &self, _: &Context, input: t::ListUsersRequest,
    ) -> Result<t::ListUsersResponse, e::ListUsersError> {
        let bad = || t::InvalidParameterException::new("Error while parsing filter.");
        let filter = input.filter.as_deref().map(str::trim).filter(|f| !f.is_empty());
        let filter = filter.map(|f| parse_filter(f).ok_or_else(bad)).transpose()?;
        let limit = usize::try_from(input.limit.unwrap_or(60)).unwrap_or(60);
        let after = input.pagination_token.unwrap_or_default();
        Ok(self.with_pool(&input.user_pool_id, |pool| {
            let mut found = pool
                .users
                .range(after..)
                .filter(|(name, user)| filter.as_ref().is_none_or(|matches| matches(name, user)));
            let page = found.by_ref().take(limit).map(|(_, user)| user.user.clone());
            let users = Some(page.collect());
            let pagination_token = found.next().map(|(name, _)| name.clone());
            Ok(t::ListUsersResponse { users, pagination_token })
        })?)
    }
}

/// A `Filter` of ListUsers, `attribute = "value"` or `attribute ^= "prefix"`, as a test.
fn parse_filter(text: &str) -> Option<impl Fn(&str, &User) -> bool> {
    let (attribute, prefix, value) = match text.split_once("^=") {
        Some((attribute, value)) => (attribute.trim().to_owned(), true, value),
        None => text.split_once('=').map(|(a, value)| (a.trim().to_owned(), false, value))?,
    };
    let value = value.trim().strip_prefix('"')?.strip_suffix('"')?.to_owned();
    Some(move |username: &str, user: &User| {
        let have =
            if attribute == "username" { Some(username) } else { user.attribute(&attribute) };
        have.is_some_and(|have| if prefix { have.starts_with(&value) } else { have == value })
    })
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let addr = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:0".to_owned());
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("listening on http://{}", listener.local_addr()?);
    let door = HttpService::new(Dispatcher::new(Emulator::default()));
    loop {
        let (stream, _) = listener.accept().await?;
        let (io, service) = (TokioIo::new(stream), TowerToHyperService::new(door.clone()));
        // Each connection on its own task; one that breaks off ends there.
        tokio::spawn(http1::Builder::new().serve_connection(io, service));
    }
}
